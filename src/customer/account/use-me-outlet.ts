import { useOutletContext } from 'react-router';
import type { MeResponse } from '../../contract/auth.schema.ts';

/** The signed-in customer, as AccountLayout checked and passed it to its pages. */
export function useAccountMe(): MeResponse {
  return useOutletContext<MeResponse>();
}
