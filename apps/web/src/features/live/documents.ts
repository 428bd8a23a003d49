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
 * A range of trial numbers read as columns, with the study's event number and status, read before its trials
 * (a whole view is several ranges read at once: snapshot.ts).
 */
export const StudyTrialRange = graphql(`
  query StudyTrialRange($id: ID!, $from: Int!, $to: Int!) {
    study(id: $id) {
      id
      eventSeq
      status
      failureReason
      trialColumns(from: $from, to: $to) {
        ...TrialColumnsFields
      }
    }
  }
`);
