import { graphql } from '@/gql';

export const TrialPageQuery = graphql(`
  query TrialPage($id: ID!) {
    trial(id: $id) {
      id
      number
      state
      params
      values
      constraints
      attempt
      origin
      error
      createdAt
      startedAt
      finishedAt
      durationSeconds
      runner {
        id
        name
        host
      }
      source {
        id
        number
        study {
          id
          name
        }
      }
      study {
        id
        name
        eventSeq
        objectives {
          name
          direction
        }
      }
      metrics(maxPoints: 500) {
        key
        points {
          step
          value
        }
      }
    }
  }
`);

/** What the trial page needs of its study's events: which trial changed, and the numbers to spot a gap. */
export const TrialLiveEvents = graphql(`
  subscription TrialLiveEvents($studyId: ID!) {
    studyEvents(studyId: $studyId) {
      kind
      seq
      trial {
        id
      }
    }
  }
`);
