import { gql } from '@apollo/client';

export interface Endpoint {
  id: string;
  version: number;
  name: string;
  url: string;
  eventTypes: string[];
  enabled: boolean;
  failingSince: string | null;
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
}

export interface Delivery {
  id: string;
  eventId: string;
  type: string;
  eventAt: string;
  delivered: boolean;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

export const ENDPOINTS = gql`
  query WebhookEndpoints {
    webhookEndpoints(first: 100) { nodes { id version name url eventTypes enabled failingSince disabledAt disabledReason createdAt } }
  }
`;

export const DELIVERIES = gql`
  query WebhookDeliveries($endpointId: ID!) {
    webhookDeliveries(endpointId: $endpointId, first: 50) {
      nodes { id eventId type eventAt delivered attempts lastStatusCode lastError lastDurationMs lastAttemptAt nextAttemptAt }
    }
  }
`;

export const CREATE = gql`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { secret endpoint { id } }
  }
`;

export const UPDATE = gql`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) { id version enabled }
  }
`;

export const REPLAY = gql`
  mutation ReplayWebhookDeliveries($input: ReplayWebhookDeliveriesInput!) {
    replayWebhookDeliveries(input: $input)
  }
`;
