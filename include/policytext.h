/*
** policytext.h: public interface of the policytext library.
**
** policytext reads policy documents (think-tank posts, speeches, press
** releases) and finds their metadata, body, quotations, speakers and topics.
** It is two things:
**
**   1. A loadable SQLite extension: `.load ./policytext`, whose entry point
**      is sqlite3_policytext_init().  See README.md and docs/.
**   2. A plain-C analysis library (the pt_ API below) usable without SQLite.
**      Each stage has its own header; this one includes them all.
**
** Pipeline: bytes -> pt_text (valid NFC UTF-8) -> pt_doc (metadata, body)
** -> analyses -> rows.  Memory comes from pt_malloc() (pt_mem.h); every
** pt_x_new()/pt_x_make() result is freed by the matching pt_x_free()/reset().
*/
#ifndef POLICYTEXT_H
#define POLICYTEXT_H

#define POLICYTEXT_VERSION "0.1.0"

#include "pt_acronym.h"
#include "pt_buf.h"
#include "pt_doc.h"
#include "pt_err.h"
#include "pt_kwic.h"
#include "pt_mem.h"
#include "pt_segment.h"
#include "pt_text.h"
#include "pt_utf8.h"

#ifdef __cplusplus
extern "C" {
#endif

/* SQLite extension entry point (declared with opaque types so this header
** does not require sqlite3.h). */
struct sqlite3;
struct sqlite3_api_routines;
int sqlite3_policytext_init(struct sqlite3 *db, char **pzErrMsg,
                            const struct sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif

#endif /* POLICYTEXT_H */
