/*
 * ndis.h - the two things of the WDK's km/ndis.h that stop clang before any
 * driver code is read, in the kit's own form: an #include spelled in another
 * case than the file (<KitSpecs.h> for shared/kitspecs.h, as the WDK
 * includes <DriverSpecs.h>), and NDIS_API_VERSION_AVAILABLE pasting 0x to
 * an argument that is a macro name. rules/headers.def mends the latter;
 * test/kit-*.c read the result.
 */
#ifndef CONDIS_SIM_KIT_NDIS_H
#define CONDIS_SIM_KIT_NDIS_H
#pragma clang system_header

#include <KitSpecs.h>

#define NDIS_MIN_API 0x630
#define NDIS_API_VERSION_AVAILABLE(major,minor) ((((0x ## major) << 8) + (0x ## minor)) >= NDIS_MIN_API)

#if defined(NDIS630_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 6
#define NDIS_MINIPORT_MINOR_VERSION 30
#elif defined(NDIS51_MINIPORT)
#define NDIS_MINIPORT_MAJOR_VERSION 5
#define NDIS_MINIPORT_MINOR_VERSION 1
#endif

#if defined(NDIS_MINIPORT_MAJOR_VERSION)
#if !NDIS_API_VERSION_AVAILABLE(NDIS_MINIPORT_MAJOR_VERSION, NDIS_MINIPORT_MINOR_VERSION)
#error NDIS: This NDIS API version is not supported on the target architecture.
#endif
#endif

typedef int NDIS_STATUS;
_IRQL_requires_max_(DISPATCH_LEVEL) NDIS_STATUS KitNdisRoutine(void);

#endif
