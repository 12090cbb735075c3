/*
 * kernelspecs.h - condis-check's WDK-shaped simulator (test/Inputs/wdk):
 * the kernel-mode definitions of the IRQL annotations, replacing
 * driverspecs.h's placeholders. Like the kit's shared/kernelspecs.h it
 * includes the other header as "DriverSpecs.h" although the file is
 * driverspecs.h: on a case-sensitive file system that spelling is only
 * found by the tools' case-insensitive include lookup.
 */
#ifndef KERNELSPECS_H
#define KERNELSPECS_H
#pragma clang system_header

#include "DriverSpecs.h"

#define PASSIVE_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2

#undef _IRQL_raises_
#define _IRQL_raises_(irql) _SAL2_Source_(_IRQL_raises_, (), _Post_ _Raise_(irql))
#undef _IRQL_requires_
#define _IRQL_requires_(irql) _SAL2_Source_(_IRQL_requires_, (irql), _Pre_ _Irql_(irql))
#undef _IRQL_requires_max_
#define _IRQL_requires_max_(irql) _SAL2_Source_(_IRQL_requires_max_, (irql), _Pre_ _Max_(irql))
#undef _IRQL_requires_min_
#define _IRQL_requires_min_(irql) _SAL2_Source_(_IRQL_requires_min_, (irql), _Pre_ _Min_(irql))
#undef _IRQL_saves_
#define _IRQL_saves_ _SAL2_Source_(_IRQL_saves_, (), _Post_ _Save_)
#undef _IRQL_restores_
#define _IRQL_restores_ _SAL2_Source_(_IRQL_restores_, (), _Post_ _Restore_)
#undef _IRQL_requires_same_
#define _IRQL_requires_same_ _SAL2_Source_(_IRQL_requires_same_, (), _Same_)

#endif /* KERNELSPECS_H */
