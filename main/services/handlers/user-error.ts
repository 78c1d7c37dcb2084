// A message the renderer shows as it is: dispatch passes every UserFacingError through (shared/errors.ts).
import { ActionRefusedError } from '../../../shared/errors.js';

export const userError = (message: string) => new ActionRefusedError(message);
