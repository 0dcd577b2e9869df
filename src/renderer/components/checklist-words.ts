/** Words for the attribution checklist: product names, verdicts and check names as a person reads them. */
import type { CheckId, CheckStatus, Verdict } from '../../shared/checklist-types';

/** The product names the CLI prints too. */
export { PRODUCT_NAMES } from '../../shared/attribution/coverage-words';

export const VERDICT_NAMES: Record<Verdict, string> = {
  attributed: 'Attributed',
  'at-risk': 'At risk',
  'not-attributed': 'Not attributed',
  unknown: 'Unknown',
};

export const CHECK_NAMES: Record<CheckId, string> = {
  role: 'Role',
  pal: 'Partner link',
  'several-partners': 'Other partners',
  production: 'Production',
  solution: 'Solution',
};

export const STATUS_NAMES: Record<CheckStatus, string> = { pass: 'Pass', fail: 'Fail', warn: 'Warning', unknown: 'Unknown' };
