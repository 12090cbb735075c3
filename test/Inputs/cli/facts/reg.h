/*
 * reg.h - which function init.c registers as the drop-party handler. The
 * facts tests copy this project and edit this line: the project facts of
 * init.c, which includes it, must change with it.
 */
#define DROP_HANDLER PendingDrop
