export { contactTraceRecordSchema, parseCtr, type ContactTraceRecord, type CtrParse } from './ctr-schema';
export { contactsToEvents, ctrToEvents, latestByContact, type CtrMappingOptions } from './ctr-to-events';
export { importConnectCtrFile, type ConnectCtrImport } from './import-file';
export { readCtrFile, type CtrFileContents, type CtrProblem } from './read-ctrs';
