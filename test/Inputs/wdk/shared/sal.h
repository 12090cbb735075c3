/*
 * sal.h - condis-check's WDK-shaped simulator (test/Inputs/wdk, see
 * README.md there): the source annotation language as the kit's
 * shared/sal.h (and concurrencysal.h) define it for a compiler that is not
 * PREfast. Every annotation goes through _SAL2_Source_ and friends, which
 * expand to nothing, so clang sees none of them; condis-check reads the
 * IRQL ones from the macro expansions (checker/Sal.cpp).
 */
#ifndef CONDIS_WDK_SAL_H
#define CONDIS_WDK_SAL_H
#pragma clang system_header

#define _SAL1_Source_(Name, args, annotes)
#define _SAL1_1_Source_(Name, args, annotes)
#define _SAL2_Source_(Name, args, annotes)
#define _SAL_L_Source_(Name, args, annotes)

/* parameters */
#define _In_ _SAL2_Source_(_In_, (), _Pre_valid_)
#define _In_opt_ _SAL2_Source_(_In_opt_, (), _Pre_opt_valid_)
#define _Out_ _SAL2_Source_(_Out_, (), _Out_impl_)
#define _Out_opt_ _SAL2_Source_(_Out_opt_, (), _Out_opt_impl_)
#define _Inout_ _SAL2_Source_(_Inout_, (), _Prepost_valid_)
#define _Inout_opt_ _SAL2_Source_(_Inout_opt_, (), _Prepost_opt_valid_)
#define _In_reads_bytes_(size) _SAL2_Source_(_In_reads_bytes_, (size), _Pre_bytecount_(size))
#define _In_reads_bytes_opt_(size) _SAL2_Source_(_In_reads_bytes_opt_, (size), _Pre_opt_bytecount_(size))
#define _Out_writes_bytes_(size) _SAL2_Source_(_Out_writes_bytes_, (size), _Pre_bytecap_(size))
#define _Outptr_ _SAL2_Source_(_Outptr_, (), _Out_impl_)
#define _Pre_notnull_ _SAL2_Source_(_Pre_notnull_, (), _Notnull_impl_)

/* functions and return values */
#define _Use_decl_annotations_ _SAL2_Source_(_Use_decl_annotations_, (), _Use_decl_anno_)
#define _Function_class_(x) _SAL2_Source_(_Function_class_, (x), _Class_(x))
#define _Must_inspect_result_ _SAL2_Source_(_Must_inspect_result_, (), _Check_return_)
#define _Success_(expr) _SAL2_Source_(_Success_, (expr), _Success_impl_(expr))
#define _Return_type_success_(expr) _SAL2_Source_(_Return_type_success_, (expr), _Success_impl_(expr))
#define _When_(expr, annos) _SAL2_Source_(_When_, (expr, annos), _When_impl_(expr, annos))
#define _Notliteral_ _SAL2_Source_(_Notliteral_, (), _Literal_impl_)
#define _Analysis_mode_(mode)

/* locks (the kit's concurrencysal.h) */
#define _Acquires_lock_(lock) _SAL2_Source_(_Acquires_lock_, (lock), _Lock_impl_(lock))
#define _Releases_lock_(lock) _SAL2_Source_(_Releases_lock_, (lock), _Lock_impl_(lock))
#define _Requires_lock_held_(lock) _SAL2_Source_(_Requires_lock_held_, (lock), _Lock_impl_(lock))
#define _Requires_lock_not_held_(lock) _SAL2_Source_(_Requires_lock_not_held_, (lock), _Lock_impl_(lock))

#endif /* CONDIS_WDK_SAL_H */
