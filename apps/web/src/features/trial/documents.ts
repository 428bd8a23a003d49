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
