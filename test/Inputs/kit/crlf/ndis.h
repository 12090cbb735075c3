/*
 * ndis.h with CRLF line ends, like the WDK's: the mend keeps them.
 */
#pragma clang system_header
#define NDIS_MIN_API 0x400
#define NDIS_API_VERSION_AVAILABLE(major, minor)	((((0x ## major) << 8) + (0x ## minor)) >= NDIS_MIN_API)
_Static_assert(__LINE__ == 7, "the mended header keeps its line numbers");
