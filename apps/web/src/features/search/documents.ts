// The search page's GraphQL operations (typed by codegen into src/gql).
import { graphql } from '@/gql';

export const SearchTeamsQuery = graphql(`
  query SearchTeams {
    viewer {
      user {
        id
      }
      teams {
        id
        name
        projects {
          id
          name
        }
      }
    }
  }
`);

export const SearchStudiesQuery = graphql(`
  query SearchStudies($team: ID!, $filter: StudySearchFilter, $first: Int, $after: String) {
    searchStudies(teamId: $team, filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountIsExact
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        status
        tags
        createdAt
        createdByName
        project {
          id
          name
        }
        objectives {
          name
          direction
        }
        counts {
          complete
          total
        }
        bestTrial {
          id
          number
          values
        }
      }
    }
  }
`);

export const SearchTrialsQuery = graphql(`
  query SearchTrials($team: ID!, $filter: TrialSearchFilter, $first: Int, $after: String) {
    searchTrials(teamId: $team, filter: $filter, first: $first, after: $after) {
      totalCount
      totalCountIsExact
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        number
        state
        values
        tags
        finishedAt
        study {
          id
          name
          objectives {
            name
          }
        }
      }
    }
  }
`);
