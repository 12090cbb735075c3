/*
 * kitspecs.h - included as <KitSpecs.h>, the way the WDK includes its
 * driverspecs.h as <DriverSpecs.h>. SAL expands to nothing, as under clang.
 */
#pragma clang system_header
#define _IRQL_requires_max_(irql)
#define DISPATCH_LEVEL 2
#define KIT_SPECS_SEEN 1
