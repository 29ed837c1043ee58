// The schema of a POST that adds something under params and answers 201 with the result: the
// comments, questions, replies and manual time all say the same of themselves but for these.
import { WriteProblems } from '#contract/common.ts';

export const creating = <P, B, R>(tag: string, summary: string, params: P, body: B, created: R) => ({
  schema: { tags: [tag], summary, params, body, response: { 201: created, ...WriteProblems } },
});
