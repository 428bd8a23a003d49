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
        project {
          id
          team {
            id
            viewerRole
          }
        }
        objectives {
          name
          direction
        }
      }
      attempts {
        attempt
        outcome
        error
        startedAt
        finishedAt
        runner {
          id
          name
          host
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

/** The trial's log: the tail first (no `after`), then what came after the newest offset the page holds. */
export const TrialLogQuery = graphql(`
  query TrialLog($id: ID!, $after: Float, $first: Int) {
    trial(id: $id) {
      id
      log {
        endOffset
        truncated
        lines(after: $after, first: $first) {
          offset
          attempt
          stream
          text
        }
      }
    }
  }
`);

/** The whole kept log as text, for the download. */
export const TrialLogTextQuery = graphql(`
  query TrialLogText($id: ID!) {
    trial(id: $id) {
      id
      number
      study {
        id
        name
      }
      log {
        text
      }
    }
  }
`);

/** The trial's files (runner uploads, the saved model), each with a short-lived download link. */
export const TrialArtifactsQuery = graphql(`
  query TrialArtifacts($id: ID!) {
    trial(id: $id) {
      id
      state
      artifacts(first: 500) {
        id
        name
        kind
        state
        size
        createdAt
        downloadUrl
      }
    }
  }
`);

export const ArtifactDeleteMutation = graphql(`
  mutation ArtifactDelete($input: ArtifactDeleteInput!) {
    artifactDelete(input: $input) {
      deletedId
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
