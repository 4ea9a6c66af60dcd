// Limits shared with client components: no zod here, so the browser bundle stays small.
export const commentMaxLength = 2000;
