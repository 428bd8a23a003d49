import { graphql } from '@/gql';

export const RunnersPageQuery = graphql(`
  query RunnersPage {
    viewer {
      teams {
        id
        name
        runners(first: 25) {
          id
          name
          host
          online
          lastHeartbeatAt
          capabilities
          acceptsCommands
          allowedPrograms
          runningTrials(first: 5) {
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
