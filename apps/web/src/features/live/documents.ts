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

export const TrialColumnsFields = graphql(`
  fragment TrialColumnsFields on TrialColumns {
    ids
    numbers
    states
    attempts
    durations
    params
    values
    next
  }
`);

/**
 * A whole view again, by ranges of trial numbers read as columns. The first range comes with the study's number,
 * status and trial count (read before its trials); the other ranges, planned from the count, are read at once.
 */
export const StudyLiveSnapshot = graphql(`
  query StudyLiveSnapshot($id: ID!, $from: Int!, $to: Int!) {
    study(id: $id) {
      id
      status
      failureReason
      eventSeq
      counts {
        total
      }
      trialColumns(from: $from, to: $to) {
        ...TrialColumnsFields
      }
    }
  }
`);

/** One more range of trial numbers. */
export const StudyTrialRange = graphql(`
  query StudyTrialRange($id: ID!, $from: Int!, $to: Int!) {
    study(id: $id) {
      id
      trialColumns(from: $from, to: $to) {
        ...TrialColumnsFields
      }
    }
  }
`);
