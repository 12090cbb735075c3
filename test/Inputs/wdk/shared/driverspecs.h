/*
 * driverspecs.h - condis-check's WDK-shaped simulator (test/Inputs/wdk):
 * the driver annotations as the kit's shared/driverspecs.h has them outside
 * PREfast. The IRQL annotations are placeholders here; kernelspecs.h gives
 * them their kernel-mode definitions, which expand to nothing as well.
 */
#ifndef DRIVERSPECS_H
#define DRIVERSPECS_H
#pragma clang system_header

#include <sal.h>

#define __drv_Mode_impl(x)
#define __drv_aliasesMem _SAL_L_Source_(__drv_aliasesMem, (), _Aliased_)
#define __drv_allocatesMem(kind) _SAL_L_Source_(__drv_allocatesMem, (kind), _Allocated_)
#define __drv_freesMem(kind) _SAL_L_Source_(__drv_freesMem, (kind), _Freed_)

/* see kernelspecs.h */
#define _IRQL_raises_(irql)
#define _IRQL_requires_(irql)
#define _IRQL_requires_max_(irql)
#define _IRQL_requires_min_(irql)
#define _IRQL_saves_
#define _IRQL_restores_
#define _IRQL_saves_global_(kind, param)
#define _IRQL_restores_global_(kind, param)
#define _IRQL_requires_same_
#define _IRQL_always_function_max_(irql)
#define _IRQL_always_function_min_(irql)
#define __drv_maxIRQL(irql) _SAL1_1_Source_(__drv_maxIRQL, (irql), _IRQL_requires_max_(irql))
#define __drv_requiresIRQL(irql) _SAL1_1_Source_(__drv_requiresIRQL, (irql), _IRQL_requires_(irql))

#endif /* DRIVERSPECS_H */
