/* The floor for the Terraform row of the benchmark: read every *.tf file below the given folders and scan its
 * bytes once (counting lines, braces and quotes, what any HCL lexer must look at), with no tokens, no tree, no
 * rules and no output. No C parser of HCL exists to compare with (HashiCorp's is Go, `terraform fmt` below), so
 * this is what no linter of these files can beat. Single-threaded, as a bare read would be. */
#include <stdio.h>
#include "floor_walk.h"
#include <stdlib.h>
#include <string.h>

static long files, bytes, lines, braces, quotes;

static int wanted(const char *name) {
    size_t length = strlen(name);
    return length > 3 && !strcmp(name + length - 3, ".tf");
}

static void scan_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) return;
    static unsigned char buffer[1 << 16];
    size_t count;
    while ((count = fread(buffer, 1, sizeof buffer, file)) > 0) {
        for (size_t i = 0; i < count; i++) {
            unsigned char byte = buffer[i];
            lines += byte == '\n';
            braces += byte == '{' || byte == '}';
            quotes += byte == '"';
        }
        bytes += (long)count;
    }
    fclose(file);
    files++;
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) walk(argv[i], wanted, scan_file);
    printf("%ld files, %ld bytes, %ld lines, %ld braces, %ld quotes\n", files, bytes, lines, braces, quotes);
    return 0;
}
