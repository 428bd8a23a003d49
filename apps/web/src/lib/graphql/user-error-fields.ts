import { graphql } from '@/gql';

/** The fields every mutation payload's `userErrors` is read with: spread `...UserErrorFields` in each. */
export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);
