import type { components, operations } from './schema';

export type Schemas = components['schemas'];

/**
 * Response DTOs are read through this type: optional becomes present, while `| null` stays where the document says
 * nullable. (The document now marks non-nullable response properties required; this remains for the few shapes
 * written by hand below.)
 */
export type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type Me = Defined<Schemas['MeResponse']>;
export type TokenResponse = Schemas['TokenResponse'];
export type OrgUnitNode = Omit<Defined<Schemas['OrgUnitNode']>, 'children'> & { children: OrgUnitNode[] };
export type OrgUnit = Defined<Schemas['OrgUnitResponse']>;
export type OrgUnitPage = { items: OrgUnit[]; total: number; page: number; pageSize: number };
export type Account = Defined<Schemas['AccountResponse']>;
export type AccountPage = { items: Account[]; total: number; page: number; pageSize: number };
export type AccountWithPassword = { account: Account; temporaryPassword: string };

export type CreateOrgUnitRequest = Schemas['CreateOrgUnitRequest'];
export type UpdateOrgUnitRequest = Schemas['UpdateOrgUnitRequest'];
export type MoveOrgUnitRequest = Schemas['MoveOrgUnitRequest'];
export type CloseOrgUnitRequest = Schemas['CloseOrgUnitRequest'];
export type CreateAccountRequest = Schemas['CreateAccountRequest'];

// Staffing: roster, posts, postings, headcount, rotations.
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type Worker = Defined<Schemas['WorkerResponse']>;
export type WorkerPage = Page<Worker>;
export type CodeValue = Defined<Schemas['CodeValue']>;
export type NationalCodeTables = Defined<Schemas['NationalCodeTables']>;
export type StaffingSettings = Defined<Schemas['StaffingSettings']>;
export type Post = Defined<Schemas['PostResponse']>;
export type PostPage = Page<Post>;
export type Posting = Defined<Schemas['PostingResponse']>;
export type HeadcountLine = Defined<Schemas['HeadcountLine']>;
export type HeadcountSummary = { unit: HeadcountLine; children: HeadcountLine[]; normMethod: string };
export type RotationRequest = Defined<Schemas['RotationRequestResponse']>;
export type RotationRequestPage = Page<RotationRequest>;
export type RotationCounts = Defined<Schemas['RotationCounts']>;
export type DueForRotation = Defined<Schemas['DueForRotationResponse']>;
export type DueForRotationPage = Page<DueForRotation>;
export type RevealId = Defined<Schemas['RevealIdResponse']>;
export type ImportResult = Defined<Schemas['ImportResult']>;

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
