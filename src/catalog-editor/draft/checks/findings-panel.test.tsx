// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import '../../../ui/i18n/i18n.ts';
import { validateCatalog } from '../../../core/catalog/index.ts';
import { miniCatalog } from '../../../../test/fixtures/mini-catalog.ts';
import type { CheckReply } from './check-reply.ts';
import { FindingsPanel } from './findings-panel.tsx';

afterEach(cleanup);

const doc = validateCatalog(miniCatalog(), 'mini');
const reply = (form: CheckReply['form']): CheckReply => ({
  seq: 1,
  issues: [],
  findings: [],
  buildCount: '12',
  form,
});

describe('the draft checks panel', () => {
  it('says when the draft was checked as a d-DNNF, which leaves two checks out', () => {
    render(<FindingsPanel checks={{ reply: reply('dnnf'), running: false }} doc={doc} />);
    expect(screen.getByRole('status')).toHaveTextContent('12 valid builds');
    expect(
      screen.getByText(/checked as a d-DNNF: unreachable slot quantities and redundant rules/),
    ).toBeInTheDocument();
  });

  it('says nothing of forms for a diagram', () => {
    render(<FindingsPanel checks={{ reply: reply('mdd'), running: false }} doc={doc} />);
    expect(screen.getByRole('status')).toHaveTextContent('12 valid builds');
    expect(screen.queryByText(/d-DNNF/)).toBeNull();
  });
});
