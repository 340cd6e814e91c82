export { PartUploads, BackupPartError } from './part-uploads';
export { writeBackup, listBackups, readBackup, backupNameFor, assertBackupName, BackupNameError, BackupContentError, parseParleyExport, BACKUP_DIR, DEFAULT_KEEP } from './rolling-backup';
export type { BackupInfo, WriteBackupOptions } from './rolling-backup';
