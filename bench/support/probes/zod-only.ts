import * as z from 'zod/mini';

/** Cold-start diagnostic: what loading zod/mini (the schemas' library) costs, with one trivial schema and nothing else. */
export const schema = z.object({ id: z.string() });
export const handler = async (event: unknown) => schema.parse(event);
