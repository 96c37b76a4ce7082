// Adds jest-dom matchers (toBeInTheDocument, ...) to expect; harmless in node-environment tests.
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';

// findBy* waits up to 1 s by default; a loaded CI machine can take longer to answer a stubbed fetch and re-render.
// A longer wait never makes a failing test pass: a missing element still fails, only later.
configure({ asyncUtilTimeout: 5000 });
