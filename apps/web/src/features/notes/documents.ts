import { graphql } from '@/gql';

/** A study's or a trial's note as the notes panel shows it. */
export const NoteFields = graphql(`
  fragment NoteFields on Note {
    body
    updatedAt
    updatedBy {
      name
    }
  }
`);

export const StudyNoteQuery = graphql(`
  query StudyNote($id: ID!) {
    study(id: $id) {
      id
      tags
      note {
        ...NoteFields
      }
    }
  }
`);

export const TrialNoteQuery = graphql(`
  query TrialNote($id: ID!) {
    trial(id: $id) {
      id
      tags
      note {
        ...NoteFields
      }
    }
  }
`);

export const StudyUpdateMutation = graphql(`
  mutation StudyUpdate($input: StudyUpdateInput!) {
    studyUpdate(input: $input) {
      study {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const TrialUpdateMutation = graphql(`
  mutation TrialUpdate($input: TrialUpdateInput!) {
    trialUpdate(input: $input) {
      trial {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const NoteEventsSubscription = graphql(`
  subscription NoteEvents($studyId: ID!) {
    studyEvents(studyId: $studyId) {
      kind
      seq
      trial {
        id
      }
    }
  }
`);
