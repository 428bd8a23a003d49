import { graphql } from '@/gql';

export const RunnersPageQuery = graphql(`
  query RunnersPage {
    viewer {
      teams {
        id
        name
        runners {
          id
          name
          host
          online
          lastHeartbeatAt
          capabilities
          acceptsCommands
          allowedPrograms
          runningTrials {
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
