/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query LayoutViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": typeof types.LayoutViewerDocument,
    "\n  mutation StudyCreate($input: StudyCreateInput!) {\n    studyCreate(input: $input) {\n      study {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.StudyCreateDocument,
    "\n  query NewStudyPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.NewStudyPageDocument,
    "\n  query ProjectPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        description\n        team {\n          id\n          name\n        }\n        studies {\n          id\n          name\n          status\n          progress\n          sampler\n          createdAt\n          objectives {\n            name\n            direction\n          }\n          counts {\n            complete\n            running\n            pending\n            total\n          }\n          budget {\n            maxTrials\n          }\n          bestTrial {\n            id\n            number\n            values\n          }\n          parent {\n            id\n            name\n          }\n          children {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProjectPageDocument,
    "\n  query RunnersPage {\n    viewer {\n      teams {\n        id\n        name\n        runners {\n          id\n          name\n          host\n          online\n          lastSeenAt\n          capabilities\n          acceptsCommands\n          allowedPrograms\n          runningTrials {\n            id\n            number\n            study {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RunnersPageDocument,
    "\n  mutation MembershipUpdate($input: MembershipUpdateInput!) {\n    membershipUpdate(input: $input) {\n      membership {\n        role\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n": typeof types.MembershipUpdateDocument,
    "\n  mutation MembershipRemove($input: MembershipRemoveInput!) {\n    membershipRemove(input: $input) {\n      userErrors {\n        message\n      }\n    }\n  }\n": typeof types.MembershipRemoveDocument,
    "\n  mutation InvitationCreate($input: InvitationCreateInput!) {\n    invitationCreate(input: $input) {\n      link\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.InvitationCreateDocument,
    "\n  query TeamPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Team {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          slug\n          description\n          createdAt\n          studies {\n            id\n          }\n        }\n        memberships {\n          role\n          createdAt\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamPageDocument,
    "\n  query TeamInvitations($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        invitations {\n          id\n          email\n          role\n          expiresAt\n        }\n      }\n    }\n  }\n": typeof types.TeamInvitationsDocument,
    "\n  mutation ProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      project {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ProjectCreateDocument,
    "\n  query TeamsPage {\n    viewer {\n      teams {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n        }\n      }\n      invitations {\n        id\n        teamName\n        role\n        invitedByName\n        expiresAt\n      }\n    }\n  }\n": typeof types.TeamsPageDocument,
    "\n  mutation TeamCreate($input: TeamCreateInput!) {\n    teamCreate(input: $input) {\n      team {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.TeamCreateDocument,
    "\n  query TokensPage {\n    viewer {\n      teams {\n        id\n        name\n        viewerRole\n        apiTokens {\n          id\n          name\n          prefix\n          scope\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": typeof types.TokensPageDocument,
    "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ApiTokenCreateDocument,
    "\n  mutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n    apiTokenRevoke(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.ApiTokenRevokeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation InvitationAccept($input: InvitationAcceptInput!) {\n    invitationAccept(input: $input) {\n      membership {\n        role\n        team {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.InvitationAcceptDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": typeof types.SignOutDocument,
    "\n  fragment StudyTrialFields on Trial {\n    id\n    number\n    state\n    params\n    values\n    durationSeconds\n  }\n": typeof types.StudyTrialFieldsFragmentDoc,
    "\n  fragment StudySummaryFields on Study {\n    id\n    status\n    failureReason\n    progress\n    counts {\n      pending\n      running\n      complete\n      pruned\n      fail\n      cancelled\n      total\n    }\n    bestTrial {\n      id\n      number\n      values\n    }\n  }\n": typeof types.StudySummaryFieldsFragmentDoc,
    "\n  query StudyPage($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n      name\n      description\n      objectives {\n        name\n        direction\n      }\n      space\n      sampler\n      budget {\n        maxTrials\n        maxParallel\n      }\n      refinement\n      createdAt\n      project {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n        status\n      }\n    }\n  }\n": typeof types.StudyPageDocument,
    "\n  query StudyTrialsPage($id: ID!, $first: Int!, $after: String) {\n    study(id: $id) {\n      id\n      trials(first: $first, after: $after) {\n        nodes {\n          ...StudyTrialFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.StudyTrialsPageDocument,
    "\n  query StudySummary($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n    }\n  }\n": typeof types.StudySummaryDocument,
    "\n  query LiveTrial($id: ID!) {\n    trial(id: $id) {\n      ...StudyTrialFields\n    }\n  }\n": typeof types.LiveTrialDocument,
    "\n  subscription StudyEvents($studyId: ID!) {\n    studyEvents(studyId: $studyId) {\n      kind\n      trial {\n        ...StudyTrialFields\n      }\n    }\n  }\n": typeof types.StudyEventsDocument,
    "\n  query StudyCurves($id: ID!, $key: String!, $first: Int!) {\n    study(id: $id) {\n      id\n      trials(first: $first, orderBy: { field: NUMBER, direction: DESC }) {\n        nodes {\n          id\n          number\n          state\n          metrics(keys: [$key], maxPoints: 100) {\n            key\n            points {\n              step\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.StudyCurvesDocument,
    "\n  query StudyImportance($id: ID!, $objectiveIndex: Int!) {\n    study(id: $id) {\n      id\n      parameterImportance(objectiveIndex: $objectiveIndex) {\n        name\n        importance\n      }\n    }\n  }\n": typeof types.StudyImportanceDocument,
    "\n  query RefinementPreview($id: ID!, $ranges: JSON, $topFraction: Float) {\n    study(id: $id) {\n      id\n      refinementPreview(ranges: $ranges, topFraction: $topFraction) {\n        ranges\n        space\n        insideCount\n        completeCount\n        bestValue\n        bestTrial {\n          id\n          number\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  }\n": typeof types.RefinementPreviewDocument,
    "\n  mutation StudyPause($id: ID!) {\n    studyPause(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.StudyPauseDocument,
    "\n  mutation StudyResume($id: ID!) {\n    studyResume(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.StudyResumeDocument,
    "\n  mutation StudyStop($id: ID!) {\n    studyStop(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.StudyStopDocument,
    "\n  mutation TrialEnqueue($studyId: ID!, $params: JSON!) {\n    trialEnqueue(input: { studyId: $studyId, params: $params }) {\n      trial {\n        ...StudyTrialFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.TrialEnqueueDocument,
    "\n  mutation StudyRefine($input: StudyRefineInput!) {\n    studyRefine(input: $input) {\n      study {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": typeof types.StudyRefineDocument,
    "\n  query TrialPage($id: ID!) {\n    trial(id: $id) {\n      id\n      number\n      state\n      params\n      values\n      constraints\n      attempt\n      origin\n      error\n      createdAt\n      startedAt\n      finishedAt\n      durationSeconds\n      runner {\n        id\n        name\n        host\n      }\n      source {\n        id\n        number\n        study {\n          id\n          name\n        }\n      }\n      study {\n        id\n        name\n        objectives {\n          name\n          direction\n        }\n      }\n      metrics(maxPoints: 500) {\n        key\n        points {\n          step\n          value\n        }\n      }\n    }\n  }\n": typeof types.TrialPageDocument,
};
const documents: Documents = {
    "\n  query LayoutViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n": types.LayoutViewerDocument,
    "\n  mutation StudyCreate($input: StudyCreateInput!) {\n    studyCreate(input: $input) {\n      study {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.StudyCreateDocument,
    "\n  query NewStudyPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.NewStudyPageDocument,
    "\n  query ProjectPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        description\n        team {\n          id\n          name\n        }\n        studies {\n          id\n          name\n          status\n          progress\n          sampler\n          createdAt\n          objectives {\n            name\n            direction\n          }\n          counts {\n            complete\n            running\n            pending\n            total\n          }\n          budget {\n            maxTrials\n          }\n          bestTrial {\n            id\n            number\n            values\n          }\n          parent {\n            id\n            name\n          }\n          children {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.ProjectPageDocument,
    "\n  query RunnersPage {\n    viewer {\n      teams {\n        id\n        name\n        runners {\n          id\n          name\n          host\n          online\n          lastSeenAt\n          capabilities\n          acceptsCommands\n          allowedPrograms\n          runningTrials {\n            id\n            number\n            study {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RunnersPageDocument,
    "\n  mutation MembershipUpdate($input: MembershipUpdateInput!) {\n    membershipUpdate(input: $input) {\n      membership {\n        role\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n": types.MembershipUpdateDocument,
    "\n  mutation MembershipRemove($input: MembershipRemoveInput!) {\n    membershipRemove(input: $input) {\n      userErrors {\n        message\n      }\n    }\n  }\n": types.MembershipRemoveDocument,
    "\n  mutation InvitationCreate($input: InvitationCreateInput!) {\n    invitationCreate(input: $input) {\n      link\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.InvitationCreateDocument,
    "\n  query TeamPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Team {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          slug\n          description\n          createdAt\n          studies {\n            id\n          }\n        }\n        memberships {\n          role\n          createdAt\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n": types.TeamPageDocument,
    "\n  query TeamInvitations($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        invitations {\n          id\n          email\n          role\n          expiresAt\n        }\n      }\n    }\n  }\n": types.TeamInvitationsDocument,
    "\n  mutation ProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      project {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ProjectCreateDocument,
    "\n  query TeamsPage {\n    viewer {\n      teams {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n        }\n      }\n      invitations {\n        id\n        teamName\n        role\n        invitedByName\n        expiresAt\n      }\n    }\n  }\n": types.TeamsPageDocument,
    "\n  mutation TeamCreate($input: TeamCreateInput!) {\n    teamCreate(input: $input) {\n      team {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.TeamCreateDocument,
    "\n  query TokensPage {\n    viewer {\n      teams {\n        id\n        name\n        viewerRole\n        apiTokens {\n          id\n          name\n          prefix\n          scope\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n": types.TokensPageDocument,
    "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ApiTokenCreateDocument,
    "\n  mutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n    apiTokenRevoke(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.ApiTokenRevokeDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation InvitationAccept($input: InvitationAcceptInput!) {\n    invitationAccept(input: $input) {\n      membership {\n        role\n        team {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.InvitationAcceptDocument,
    "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n": types.SignOutDocument,
    "\n  fragment StudyTrialFields on Trial {\n    id\n    number\n    state\n    params\n    values\n    durationSeconds\n  }\n": types.StudyTrialFieldsFragmentDoc,
    "\n  fragment StudySummaryFields on Study {\n    id\n    status\n    failureReason\n    progress\n    counts {\n      pending\n      running\n      complete\n      pruned\n      fail\n      cancelled\n      total\n    }\n    bestTrial {\n      id\n      number\n      values\n    }\n  }\n": types.StudySummaryFieldsFragmentDoc,
    "\n  query StudyPage($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n      name\n      description\n      objectives {\n        name\n        direction\n      }\n      space\n      sampler\n      budget {\n        maxTrials\n        maxParallel\n      }\n      refinement\n      createdAt\n      project {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n        status\n      }\n    }\n  }\n": types.StudyPageDocument,
    "\n  query StudyTrialsPage($id: ID!, $first: Int!, $after: String) {\n    study(id: $id) {\n      id\n      trials(first: $first, after: $after) {\n        nodes {\n          ...StudyTrialFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.StudyTrialsPageDocument,
    "\n  query StudySummary($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n    }\n  }\n": types.StudySummaryDocument,
    "\n  query LiveTrial($id: ID!) {\n    trial(id: $id) {\n      ...StudyTrialFields\n    }\n  }\n": types.LiveTrialDocument,
    "\n  subscription StudyEvents($studyId: ID!) {\n    studyEvents(studyId: $studyId) {\n      kind\n      trial {\n        ...StudyTrialFields\n      }\n    }\n  }\n": types.StudyEventsDocument,
    "\n  query StudyCurves($id: ID!, $key: String!, $first: Int!) {\n    study(id: $id) {\n      id\n      trials(first: $first, orderBy: { field: NUMBER, direction: DESC }) {\n        nodes {\n          id\n          number\n          state\n          metrics(keys: [$key], maxPoints: 100) {\n            key\n            points {\n              step\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n": types.StudyCurvesDocument,
    "\n  query StudyImportance($id: ID!, $objectiveIndex: Int!) {\n    study(id: $id) {\n      id\n      parameterImportance(objectiveIndex: $objectiveIndex) {\n        name\n        importance\n      }\n    }\n  }\n": types.StudyImportanceDocument,
    "\n  query RefinementPreview($id: ID!, $ranges: JSON, $topFraction: Float) {\n    study(id: $id) {\n      id\n      refinementPreview(ranges: $ranges, topFraction: $topFraction) {\n        ranges\n        space\n        insideCount\n        completeCount\n        bestValue\n        bestTrial {\n          id\n          number\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  }\n": types.RefinementPreviewDocument,
    "\n  mutation StudyPause($id: ID!) {\n    studyPause(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.StudyPauseDocument,
    "\n  mutation StudyResume($id: ID!) {\n    studyResume(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.StudyResumeDocument,
    "\n  mutation StudyStop($id: ID!) {\n    studyStop(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.StudyStopDocument,
    "\n  mutation TrialEnqueue($studyId: ID!, $params: JSON!) {\n    trialEnqueue(input: { studyId: $studyId, params: $params }) {\n      trial {\n        ...StudyTrialFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.TrialEnqueueDocument,
    "\n  mutation StudyRefine($input: StudyRefineInput!) {\n    studyRefine(input: $input) {\n      study {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n": types.StudyRefineDocument,
    "\n  query TrialPage($id: ID!) {\n    trial(id: $id) {\n      id\n      number\n      state\n      params\n      values\n      constraints\n      attempt\n      origin\n      error\n      createdAt\n      startedAt\n      finishedAt\n      durationSeconds\n      runner {\n        id\n        name\n        host\n      }\n      source {\n        id\n        number\n        study {\n          id\n          name\n        }\n      }\n      study {\n        id\n        name\n        objectives {\n          name\n          direction\n        }\n      }\n      metrics(maxPoints: 500) {\n        key\n        points {\n          step\n          value\n        }\n      }\n    }\n  }\n": types.TrialPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LayoutViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  query LayoutViewer {\n    viewer {\n      user {\n        id\n        name\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyCreate($input: StudyCreateInput!) {\n    studyCreate(input: $input) {\n      study {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudyCreate($input: StudyCreateInput!) {\n    studyCreate(input: $input) {\n      study {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewStudyPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query NewStudyPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        team {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        description\n        team {\n          id\n          name\n        }\n        studies {\n          id\n          name\n          status\n          progress\n          sampler\n          createdAt\n          objectives {\n            name\n            direction\n          }\n          counts {\n            complete\n            running\n            pending\n            total\n          }\n          budget {\n            maxTrials\n          }\n          bestTrial {\n            id\n            number\n            values\n          }\n          parent {\n            id\n            name\n          }\n          children {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Project {\n        id\n        name\n        description\n        team {\n          id\n          name\n        }\n        studies {\n          id\n          name\n          status\n          progress\n          sampler\n          createdAt\n          objectives {\n            name\n            direction\n          }\n          counts {\n            complete\n            running\n            pending\n            total\n          }\n          budget {\n            maxTrials\n          }\n          bestTrial {\n            id\n            number\n            values\n          }\n          parent {\n            id\n            name\n          }\n          children {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunnersPage {\n    viewer {\n      teams {\n        id\n        name\n        runners {\n          id\n          name\n          host\n          online\n          lastSeenAt\n          capabilities\n          acceptsCommands\n          allowedPrograms\n          runningTrials {\n            id\n            number\n            study {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunnersPage {\n    viewer {\n      teams {\n        id\n        name\n        runners {\n          id\n          name\n          host\n          online\n          lastSeenAt\n          capabilities\n          acceptsCommands\n          allowedPrograms\n          runningTrials {\n            id\n            number\n            study {\n              id\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembershipUpdate($input: MembershipUpdateInput!) {\n    membershipUpdate(input: $input) {\n      membership {\n        role\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembershipUpdate($input: MembershipUpdateInput!) {\n    membershipUpdate(input: $input) {\n      membership {\n        role\n      }\n      userErrors {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MembershipRemove($input: MembershipRemoveInput!) {\n    membershipRemove(input: $input) {\n      userErrors {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation MembershipRemove($input: MembershipRemoveInput!) {\n    membershipRemove(input: $input) {\n      userErrors {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitationCreate($input: InvitationCreateInput!) {\n    invitationCreate(input: $input) {\n      link\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InvitationCreate($input: InvitationCreateInput!) {\n    invitationCreate(input: $input) {\n      link\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Team {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          slug\n          description\n          createdAt\n          studies {\n            id\n          }\n        }\n        memberships {\n          role\n          createdAt\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamPage($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Team {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n          slug\n          description\n          createdAt\n          studies {\n            id\n          }\n        }\n        memberships {\n          role\n          createdAt\n          user {\n            id\n            name\n            email\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamInvitations($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        invitations {\n          id\n          email\n          role\n          expiresAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamInvitations($id: ID!) {\n    node(id: $id) {\n      ... on Team {\n        invitations {\n          id\n          email\n          role\n          expiresAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      project {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProjectCreate($input: ProjectCreateInput!) {\n    projectCreate(input: $input) {\n      project {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsPage {\n    viewer {\n      teams {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n        }\n      }\n      invitations {\n        id\n        teamName\n        role\n        invitedByName\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamsPage {\n    viewer {\n      teams {\n        id\n        name\n        slug\n        viewerRole\n        projects {\n          id\n          name\n        }\n      }\n      invitations {\n        id\n        teamName\n        role\n        invitedByName\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TeamCreate($input: TeamCreateInput!) {\n    teamCreate(input: $input) {\n      team {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TeamCreate($input: TeamCreateInput!) {\n    teamCreate(input: $input) {\n      team {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TokensPage {\n    viewer {\n      teams {\n        id\n        name\n        viewerRole\n        apiTokens {\n          id\n          name\n          prefix\n          scope\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TokensPage {\n    viewer {\n      teams {\n        id\n        name\n        viewerRole\n        apiTokens {\n          id\n          name\n          prefix\n          scope\n          createdAt\n          expiresAt\n          lastUsedAt\n          revokedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenCreate($input: ApiTokenCreateInput!) {\n    apiTokenCreate(input: $input) {\n      secret\n      apiToken {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n    apiTokenRevoke(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ApiTokenRevoke($input: ApiTokenRevokeInput!) {\n    apiTokenRevoke(input: $input) {\n      apiToken {\n        id\n        revokedAt\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user {\n        id\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InvitationAccept($input: InvitationAcceptInput!) {\n    invitationAccept(input: $input) {\n      membership {\n        role\n        team {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation InvitationAccept($input: InvitationAcceptInput!) {\n    invitationAccept(input: $input) {\n      membership {\n        role\n        team {\n          id\n        }\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut {\n      signedOut\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StudyTrialFields on Trial {\n    id\n    number\n    state\n    params\n    values\n    durationSeconds\n  }\n"): (typeof documents)["\n  fragment StudyTrialFields on Trial {\n    id\n    number\n    state\n    params\n    values\n    durationSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StudySummaryFields on Study {\n    id\n    status\n    failureReason\n    progress\n    counts {\n      pending\n      running\n      complete\n      pruned\n      fail\n      cancelled\n      total\n    }\n    bestTrial {\n      id\n      number\n      values\n    }\n  }\n"): (typeof documents)["\n  fragment StudySummaryFields on Study {\n    id\n    status\n    failureReason\n    progress\n    counts {\n      pending\n      running\n      complete\n      pruned\n      fail\n      cancelled\n      total\n    }\n    bestTrial {\n      id\n      number\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyPage($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n      name\n      description\n      objectives {\n        name\n        direction\n      }\n      space\n      sampler\n      budget {\n        maxTrials\n        maxParallel\n      }\n      refinement\n      createdAt\n      project {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyPage($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n      name\n      description\n      objectives {\n        name\n        direction\n      }\n      space\n      sampler\n      budget {\n        maxTrials\n        maxParallel\n      }\n      refinement\n      createdAt\n      project {\n        id\n        name\n      }\n      parent {\n        id\n        name\n      }\n      children {\n        id\n        name\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyTrialsPage($id: ID!, $first: Int!, $after: String) {\n    study(id: $id) {\n      id\n      trials(first: $first, after: $after) {\n        nodes {\n          ...StudyTrialFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyTrialsPage($id: ID!, $first: Int!, $after: String) {\n    study(id: $id) {\n      id\n      trials(first: $first, after: $after) {\n        nodes {\n          ...StudyTrialFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudySummary($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n    }\n  }\n"): (typeof documents)["\n  query StudySummary($id: ID!) {\n    study(id: $id) {\n      ...StudySummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LiveTrial($id: ID!) {\n    trial(id: $id) {\n      ...StudyTrialFields\n    }\n  }\n"): (typeof documents)["\n  query LiveTrial($id: ID!) {\n    trial(id: $id) {\n      ...StudyTrialFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StudyEvents($studyId: ID!) {\n    studyEvents(studyId: $studyId) {\n      kind\n      trial {\n        ...StudyTrialFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription StudyEvents($studyId: ID!) {\n    studyEvents(studyId: $studyId) {\n      kind\n      trial {\n        ...StudyTrialFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyCurves($id: ID!, $key: String!, $first: Int!) {\n    study(id: $id) {\n      id\n      trials(first: $first, orderBy: { field: NUMBER, direction: DESC }) {\n        nodes {\n          id\n          number\n          state\n          metrics(keys: [$key], maxPoints: 100) {\n            key\n            points {\n              step\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyCurves($id: ID!, $key: String!, $first: Int!) {\n    study(id: $id) {\n      id\n      trials(first: $first, orderBy: { field: NUMBER, direction: DESC }) {\n        nodes {\n          id\n          number\n          state\n          metrics(keys: [$key], maxPoints: 100) {\n            key\n            points {\n              step\n              value\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StudyImportance($id: ID!, $objectiveIndex: Int!) {\n    study(id: $id) {\n      id\n      parameterImportance(objectiveIndex: $objectiveIndex) {\n        name\n        importance\n      }\n    }\n  }\n"): (typeof documents)["\n  query StudyImportance($id: ID!, $objectiveIndex: Int!) {\n    study(id: $id) {\n      id\n      parameterImportance(objectiveIndex: $objectiveIndex) {\n        name\n        importance\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefinementPreview($id: ID!, $ranges: JSON, $topFraction: Float) {\n    study(id: $id) {\n      id\n      refinementPreview(ranges: $ranges, topFraction: $topFraction) {\n        ranges\n        space\n        insideCount\n        completeCount\n        bestValue\n        bestTrial {\n          id\n          number\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RefinementPreview($id: ID!, $ranges: JSON, $topFraction: Float) {\n    study(id: $id) {\n      id\n      refinementPreview(ranges: $ranges, topFraction: $topFraction) {\n        ranges\n        space\n        insideCount\n        completeCount\n        bestValue\n        bestTrial {\n          id\n          number\n        }\n        userErrors {\n          field\n          message\n          code\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyPause($id: ID!) {\n    studyPause(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudyPause($id: ID!) {\n    studyPause(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyResume($id: ID!) {\n    studyResume(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudyResume($id: ID!) {\n    studyResume(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyStop($id: ID!) {\n    studyStop(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudyStop($id: ID!) {\n    studyStop(input: { id: $id }) {\n      study {\n        ...StudySummaryFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TrialEnqueue($studyId: ID!, $params: JSON!) {\n    trialEnqueue(input: { studyId: $studyId, params: $params }) {\n      trial {\n        ...StudyTrialFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation TrialEnqueue($studyId: ID!, $params: JSON!) {\n    trialEnqueue(input: { studyId: $studyId, params: $params }) {\n      trial {\n        ...StudyTrialFields\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StudyRefine($input: StudyRefineInput!) {\n    studyRefine(input: $input) {\n      study {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StudyRefine($input: StudyRefineInput!) {\n    studyRefine(input: $input) {\n      study {\n        id\n        name\n      }\n      userErrors {\n        field\n        message\n        code\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TrialPage($id: ID!) {\n    trial(id: $id) {\n      id\n      number\n      state\n      params\n      values\n      constraints\n      attempt\n      origin\n      error\n      createdAt\n      startedAt\n      finishedAt\n      durationSeconds\n      runner {\n        id\n        name\n        host\n      }\n      source {\n        id\n        number\n        study {\n          id\n          name\n        }\n      }\n      study {\n        id\n        name\n        objectives {\n          name\n          direction\n        }\n      }\n      metrics(maxPoints: 500) {\n        key\n        points {\n          step\n          value\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TrialPage($id: ID!) {\n    trial(id: $id) {\n      id\n      number\n      state\n      params\n      values\n      constraints\n      attempt\n      origin\n      error\n      createdAt\n      startedAt\n      finishedAt\n      durationSeconds\n      runner {\n        id\n        name\n        host\n      }\n      source {\n        id\n        number\n        study {\n          id\n          name\n        }\n      }\n      study {\n        id\n        name\n        objectives {\n          name\n          direction\n        }\n      }\n      metrics(maxPoints: 500) {\n        key\n        points {\n          step\n          value\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;