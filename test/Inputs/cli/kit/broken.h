/* A header that does not compile for a reason the kit layer cannot mend. */
typedef struct _KIT_BROKEN {
  KIT_NO_SUCH_TYPE Legs;
} KIT_BROKEN;
