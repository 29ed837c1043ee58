// The commands a contractor runs on the device. The tracker comes from this server itself
// (server/routes/downloads.ts), never from a registry name that someone else could publish.

/** Where this server hands out the packed tracker. */
export const trackerPackageUrl = (origin: string) => `${origin}/downloads/workdiary-tracker.tgz`;

/** Installs the `workdiary-tracker` command, once per computer. */
export const installCommand = (origin: string) => `npm install -g ${trackerPackageUrl(origin)}`;

/** Starts the installed tracker against this server with the new token. */
export const connectCommand = (origin: string, token: string) => `workdiary-tracker --server ${origin} --token ${token}`;
