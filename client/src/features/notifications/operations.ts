/** The signed-in user's own notifications: the list, the unread count, marking read, and the live feed. */
import { graphql } from '../../gql';
import type { MyNotificationsQuery } from '../../gql/graphql';

export type NotificationRow = MyNotificationsQuery['myNotifications']['edges'][number]['node'];

export const NOTIFICATION_FIELDS = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    title
    body
    link
    createdAt
    readAt
    read
  }
`);

export const MY_NOTIFICATIONS = graphql(`
  query MyNotifications($first: Int, $after: String, $unreadOnly: Boolean) {
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      edges {
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const UNREAD_NOTIFICATION_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      ...NotificationFields
    }
  }
`);

export const MARK_ALL_NOTIFICATIONS_READ = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);

export const NOTIFICATION_ADDED = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationFields
    }
  }
`);

export const NOTIFICATION_PREFERENCE_FIELDS = graphql(`
  fragment NotificationPreferenceFields on NotificationPreferenceGroup {
    group
    label
    channels {
      channel
      label
      enabled
    }
  }
`);

export const MY_NOTIFICATION_PREFERENCES = graphql(`
  query MyNotificationPreferences {
    myNotificationPreferences {
      ...NotificationPreferenceFields
    }
  }
`);

export const SET_NOTIFICATION_PREFERENCE = graphql(`
  mutation SetNotificationPreference($group: String!, $channel: String!, $enabled: Boolean!) {
    setNotificationPreference(group: $group, channel: $channel, enabled: $enabled) {
      ...NotificationPreferenceFields
    }
  }
`);
