/** The one command a contractor runs on the device: the server's origin and the new token. */
export const connectCommand = (origin: string, token: string) => `npx workdiary-tracker --server ${origin} --token ${token}`;
