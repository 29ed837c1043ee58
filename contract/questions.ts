// Questions on slots: a client asks about a slot without disputing it; the contractor answers
// in a short thread. A question never holds money and never changes the slot's state.
import { z } from 'zod';
import { Id, SlotStart, Text, Written } from './common.ts';
import { DisputeComment } from './disputes.ts';
import { Person } from './timesheet.ts';

export const MAX_QUESTION = 1000;

export const QUESTION_STATUSES = ['open', 'answered', 'closed'] as const;
/** open: waiting on the contractor; answered: the contractor wrote last; closed: by the client. */
export const QuestionStatus = z.enum(QUESTION_STATUSES);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

/** The body of a question, a reply or a follow-up. */
export const QuestionMessageBody = z.object({ body: Written(MAX_QUESTION, 'must not be empty: write the question or the answer') });
export type QuestionMessageBody = z.input<typeof QuestionMessageBody>;

export const SlotQuestionParams = z.object({ contractId: Id, start: SlotStart });
export const QuestionParams = SlotQuestionParams.extend({ questionId: Id });

/** A message of a question's thread: like a dispute's comment, numbered in the order written. */
export const QuestionMessage = DisputeComment.extend({ id: z.number().int() });
export type QuestionMessage = z.infer<typeof QuestionMessage>;

export const QuestionActions = z.object({
  /** The contractor answers; the client may follow up. */
  reply: z.boolean(),
  /** The client closes a question that needs nothing more. */
  close: z.boolean(),
});

/** What every view of a question says: which slot, where it stands, who asked and when. */
const QuestionHead = z.object({
  id: Id,
  contractId: Id,
  slotStart: z.string(),
  status: QuestionStatus,
  askedBy: Person,
  askedAt: z.string(),
});

export const Question = QuestionHead.extend({
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  messages: z.array(QuestionMessage),
  actions: QuestionActions,
});
export type Question = z.infer<typeof Question>;

/** A slot's questions, oldest first, and whether the viewer may ask a new one now. */
export const SlotQuestions = z.object({
  questions: z.array(Question),
  /** Only a client of the contract's company asks, and only while no question on the slot is unclosed. */
  ask: z.boolean(),
});
export type SlotQuestions = z.infer<typeof SlotQuestions>;

export const QuestionListQuery = z.object({
  /** One status, or several separated by commas; all when absent. */
  status: Text.optional().transform((s, ctx) => {
    if (!s) return undefined;
    const list = s.split(',');
    if (list.some((v) => !(QUESTION_STATUSES as readonly string[]).includes(v))) {
      ctx.addIssue({ code: 'custom', message: `must be one or more of ${QUESTION_STATUSES.join(', ')}, separated by commas` });
      return z.NEVER;
    }
    return list as QuestionStatus[];
  }),
});

/** A question in a list: where it is, where it stands, and its first and last words. */
export const QuestionSummary = QuestionHead.extend({
  question: z.string(),
  lastMessageAt: z.string(),
  messageCount: z.number().int(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

export const QuestionList = z.object({ questions: z.array(QuestionSummary) });
export type QuestionList = z.infer<typeof QuestionList>;
