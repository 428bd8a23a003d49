// The live store's GraphQL operations (typed by codegen into src/gql).
import { graphql } from '@/gql';

export const StudyLiveEvents = graphql(`
  subscription StudyLiveEvents($studyId: ID!) {
    studyEvents(studyId: $studyId) {
      kind
      seq
      study {
        id
        status
        failureReason
      }
      trial {
        ...StudyTrialFields
      }
    }
  }
`);

/** A whole view again: the study's number and status first, then its trials page by page. */
export const StudyLiveSnapshot = graphql(`
  query StudyLiveSnapshot($id: ID!, $first: Int!, $after: String) {
    study(id: $id) {
      id
      status
      failureReason
      eventSeq
      trials(first: $first, after: $after) {
        nodes {
          ...StudyTrialFields
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);
