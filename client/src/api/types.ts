import type { components, operations } from './schema';

export type Schemas = components['schemas'];

// Every type here is a name for a generated one (src/api/schema.d.ts, from the host's OpenAPI document): no shape is
// written by hand, so what a hook returns is exactly what openapi-react-query infers for its endpoint.

export type Me = Schemas['MeResponse'];
export type TokenResponse = Schemas['TokenResponse'];
export type OrgUnitNode = Schemas['OrgUnitNode'];
export type OrgUnit = Schemas['OrgUnitResponse'];
export type OrgUnitPage = Schemas['PagedResultOfOrgUnitResponse'];
export type Account = Schemas['AccountResponse'];
export type AccountPage = Schemas['PagedResultOfAccountResponse'];
export type AccountWithPassword = Schemas['AccountWithPasswordResponse'];

export type CreateOrgUnitRequest = Schemas['CreateOrgUnitRequest'];
export type UpdateOrgUnitRequest = Schemas['UpdateOrgUnitRequest'];
export type MoveOrgUnitRequest = Schemas['MoveOrgUnitRequest'];
export type CloseOrgUnitRequest = Schemas['CloseOrgUnitRequest'];
export type CreateAccountRequest = Schemas['CreateAccountRequest'];

// Staffing: roster, posts, postings, headcount, rotations.
export type Worker = Schemas['WorkerResponse'];
export type WorkerPage = Schemas['PagedResultOfWorkerResponse'];
export type CodeValue = Schemas['CodeValue'];
export type NationalCodeTables = Schemas['NationalCodeTables'];
export type StaffingSettings = Schemas['StaffingSettings'];
export type Post = Schemas['PostResponse'];
export type PostPage = Schemas['PagedResultOfPostResponse'];
export type Posting = Schemas['PostingResponse'];
export type HeadcountLine = Schemas['HeadcountLine'];
export type HeadcountSummary = Schemas['HeadcountSummary'];
export type RotationRequest = Schemas['RotationRequestResponse'];
export type RotationRequestPage = Schemas['PagedResultOfRotationRequestResponse'];
export type RotationCounts = Schemas['RotationCounts'];
export type DueForRotation = Schemas['DueForRotationResponse'];
export type DueForRotationPage = Schemas['PagedResultOfDueForRotationResponse'];
export type RevealId = Schemas['RevealIdResponse'];
export type ImportResult = Schemas['ImportResult'];

export type WorkerListQuery = NonNullable<operations['ListWorkers']['parameters']['query']>;
export type CreateWorkerRequest = Schemas['CreateWorkerRequest'];
export type UpdateWorkerRequest = Schemas['UpdateWorkerRequest'];
export type ChangeWorkerStatusRequest = Schemas['ChangeWorkerStatusRequest'];
export type CreatePostRequest = Schemas['CreatePostRequest'];
export type UpdatePostRequest = Schemas['UpdatePostRequest'];
export type CreatePostingRequest = Schemas['CreatePostingRequest'];
export type EndPostingRequest = Schemas['EndPostingRequest'];
export type CreateRotationRequest = Schemas['CreateRotationRequest'];
export type RotationDecisionRequest = Schemas['RotationDecisionRequest'];

/** `POST /api/staffing/workers/import/check`: every row's problems; the 422 of `import` carries the same as `rowErrors`. */
export type ImportError = Schemas['ImportError'];
export type ImportReport = Schemas['ImportReport'];

// The workbench (工作台): every module's to-dos for the caller.
export type WorkbenchTodo = Schemas['WorkbenchTodo'];
