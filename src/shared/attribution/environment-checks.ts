/** Conditions on where and how a resource was delivered: a production environment, and through a solution. */
import type { Check } from '../checklist-types';
import type { EnvironmentFact } from '../power-platform-types';
import { DOCS } from './doc-links';

/** Programs may count production environments with paid usage only: warn for any other type, unknown when not said. */
export function productionCheck(environment: EnvironmentFact | null): Check {
  if (environment === null) {
    return { id: 'production', status: 'unknown', reason: 'The environment is not in the inventory, so its type is not known.', remediation: 'Sync this tenant\'s environments.' };
  }
  const name = environment.displayName;
  if (environment.sku === null) {
    return { id: 'production', status: 'unknown', reason: `The API did not say what type of environment ${name} is.`, remediation: `Check in the Power Platform admin center that ${name} is a Production environment.`, docUrl: DOCS.environments };
  }
  if (environment.sku === 'Production') return { id: 'production', status: 'pass', reason: `${name} is a Production environment.`, remediation: null };
  return {
    id: 'production',
    status: 'warn',
    reason: `${name} is a ${environment.sku} environment; programs such as the Low Code advanced specialization may count production environments with paid usage only.`,
    remediation: `Deliver it to the customer's Production environment through a solution.`,
    docUrl: DOCS.environments,
  };
}

/** Partners are asked to import deliverables into production through a solution: warn when not, unknown when the API does not say. */
export function solutionCheck(solutionAware: boolean | null, what: 'app' | 'flow', account: string): Check {
  if (solutionAware === null) {
    return { id: 'solution', status: 'unknown', reason: `The API did not say whether this ${what} is part of a solution.`, remediation: `Check in the maker portal (Solutions) that the ${what} is in a solution.`, docUrl: DOCS.solutions };
  }
  if (solutionAware) return { id: 'solution', status: 'pass', reason: `The ${what} is delivered through a solution.`, remediation: null };
  return {
    id: 'solution',
    status: 'warn',
    reason: `The ${what} is not part of a solution; partners are asked to import what they deliver into production through a solution.`,
    remediation: `Add the ${what} to a solution and import it into the Production environment as ${account}.`,
    docUrl: DOCS.solutions,
  };
}

/**
 * A flow's solution membership is read from its environment's Dataverse (a `workflowEntityId` alone proves nothing: every cloud flow
 * is stored there): unknown, saying why, when there is no Dataverse to read or it could not be read.
 */
export function flowSolutionUnknown(environment: EnvironmentFact | null): Check {
  const check = (reason: string, remediation: string): Check => ({ id: 'solution', status: 'unknown', reason, remediation, docUrl: DOCS.solutions });
  if (environment === null) return check('The environment is not in the inventory, so whether this flow is in a solution is not known.', "Sync this tenant's environments.");
  const name = environment.displayName;
  if (environment.dataverseUrl === null) {
    return check(`${name} has no Dataverse, where PAL Desk reads which solution a flow is in, so whether this flow is in a solution is not known.`, `Check in the maker portal (Solutions) that the flow is in a solution.`);
  }
  return check(
    `PAL Desk could not read the solutions in ${name}'s Dataverse (or the flow API gave no Dataverse id for this flow), so whether this flow is in a solution is not known.`,
    `Sync with a Power Platform admin or a Dataverse user of ${name}, or check in the maker portal (Solutions) that the flow is in a solution.`,
  );
}
