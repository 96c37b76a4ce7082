import { useProblemsAt, useRule } from './rule-context.ts';

/** The problems of one place of the rule, in words, beside its field. */
export function ProblemsAt({ path }: { path: string }) {
  const { w } = useRule();
  const problems = useProblemsAt(path);
  if (problems.length === 0) return null;
  return (
    <span className="rule-problem">
      {problems.map((p) => (
        <span key={p.code}>⚠ {w.problem(p)}</span>
      ))}
    </span>
  );
}
