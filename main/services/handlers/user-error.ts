// A message the renderer shows as it is (dispatch passes `userFacing` errors through).
export const userError = (message: string) => Object.assign(new Error(message), { userFacing: true });
