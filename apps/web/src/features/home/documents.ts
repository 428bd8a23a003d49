// The home page's GraphQL operations (typed by codegen into src/gql).
import { graphql } from '@/gql';

export const HomePageQuery = graphql(`
  query HomePage {
    viewer {
      user {
        id
        name
      }
      recentStudies(first: 10) {
        id
        name
        status
        progress
        createdAt
        createdByName
        objectives {
          name
          direction
        }
        counts {
          running
          pending
          complete
          pruned
          fail
          total
        }
        budget {
          maxTrials
        }
        bestTrial {
          id
          number
          values
        }
        bestSoFar(maxPoints: 40) {
          trialNumber
          value
        }
        project {
          id
          name
          slug
          team {
            id
            name
          }
        }
      }
      recentTrials(first: 8) {
        id
        number
        state
        values
        finishedAt
        study {
          id
          name
        }
      }
      teams {
        id
        name
        viewerRole
        projects(first: 50) {
          id
          slug
        }
        runners(first: 10) {
          id
          name
          host
          online
          lastSeenAt
          capabilities
          runningTrials(first: 4) {
            id
            number
            study {
              id
              name
            }
          }
        }
      }
    }
  }
`);

/** What the home page listens to: which trial changed, not its data (the page reloads its own query). */
export const HomeStudyEventsSubscription = graphql(`
  subscription HomeStudyEvents($studyId: ID!) {
    studyEvents(studyId: $studyId) {
      kind
    }
  }
`);
