// The signed-in person's bell and their choice per kind of notification. Every route acts on
// the asking user's own rows only: another person's item is "not found".
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Problem, WriteProblems } from '#contract/common.ts';
import { NotificationList, NotificationParams, NotificationPrefs, NotificationPrefsUpdate, NotificationsQuery, UnreadCount } from '#contract/notifications.ts';
import { getPrefs, listNotifications, readAllNotifications, readNotification, unreadCount, updatePrefs } from '../services/notification-service.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database;
  const now = () => app.deps.clock.now();

  app.get(
    '/notifications',
    { schema: { tags, summary: 'My notifications, newest first, a page at a time, with the unread count', querystring: NotificationsQuery, response: { 200: NotificationList, 400: Problem, 401: Problem } } },
    async (req) => listNotifications(db(), req.user, req.query),
  );

  app.get(
    '/notifications/unread',
    { schema: { tags, summary: 'How many of my notifications are unread (the bell’s count)', response: { 200: UnreadCount, 401: Problem } } },
    async (req) => unreadCount(db(), req.user),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: 'Mark one of my notifications read', params: NotificationParams, response: { 200: UnreadCount, ...WriteProblems } } },
    async (req) => readNotification(db(), req.user, req.params.id, now()),
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags, summary: 'Mark all my notifications read', response: { 200: UnreadCount, ...WriteProblems } } },
    async (req) => readAllNotifications(db(), req.user, now()),
  );

  app.get(
    '/settings/notifications',
    { schema: { tags, summary: 'What I am told of, and how: for each kind of my role, app only, app and mail, or off', response: { 200: NotificationPrefs, 401: Problem } } },
    async (req) => getPrefs(db(), req.user),
  );

  app.put(
    '/settings/notifications',
    { schema: { tags, summary: 'Choose how I am told of some kinds', body: NotificationPrefsUpdate, response: { 200: NotificationPrefs, ...WriteProblems } } },
    async (req) => updatePrefs(db(), req.user, req.body.prefs),
  );
};
