// The comparison pages' GraphQL operations (typed by codegen into src/gql).
import { graphql } from '@/gql';

export const CompareTrialsQuery = graphql(`
  query CompareTrials($ids: [ID!]!) {
    compareTrials(ids: $ids) {
      id
      number
      state
      params
      values
      durationSeconds
      metricKeys
      study {
        id
        name
        objectives {
          name
          direction
        }
      }
      metrics(maxPoints: 200) {
        key
        points {
          step
          value
        }
      }
    }
  }
`);

export const CompareStudiesQuery = graphql(`
  query CompareStudies($ids: [ID!]!) {
    compareStudies(ids: $ids) {
      id
      name
      status
      createdAt
      objectives {
        name
        direction
      }
      counts {
        complete
        total
      }
      bestSoFar(maxPoints: 200) {
        trialNumber
        value
        finishedAt
      }
      lastFinished: trials(
        first: 1
        filter: { states: [COMPLETE, PRUNED, FAIL] }
        orderBy: { field: NUMBER, direction: DESC }
      ) {
        nodes {
          number
          finishedAt
        }
      }
      parameterImportance {
        name
        importance
      }
      bestTrial {
        id
        number
        params
        values
      }
      objectiveValues(maxPoints: 500)
    }
  }
`);
