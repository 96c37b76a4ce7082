// Minimal types for the parts of logic-solver (npm, no bundled types) that bench/engine-baseline.ts uses.
declare module 'logic-solver' {
  type Term = string;
  interface Formula {
    readonly _formula: true;
  }
  type Operand = Term | Formula;
  interface Solution {
    getTrueVars(): string[];
  }
  interface Solver {
    require(...f: Operand[]): void;
    solveAssuming(f: Operand): Solution | null;
  }
  const Logic: {
    Solver: new () => Solver;
    or(...o: Operand[]): Formula;
    and(...o: Operand[]): Formula;
    not(o: Operand): Operand;
    implies(a: Operand, b: Operand): Formula;
    exactlyOne(...o: Operand[]): Formula;
  };
  export default Logic;
}
