/* The folder walk both floors share: every file below `path` whose name `wanted` accepts, in name order, hidden
 * entries skipped (as activity-lint's own walk does), each handed to `visit`. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

static void walk(const char *path, int (*wanted)(const char *name), void (*visit)(const char *path)) {
    struct stat info;
    if (stat(path, &info) != 0) return;
    if (!S_ISDIR(info.st_mode)) { visit(path); return; }
    struct dirent **entries;
    int count = scandir(path, &entries, NULL, alphasort);
    for (int i = 0; i < count; i++) {
        const char *name = entries[i]->d_name;
        if (name[0] != '.') {
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, name);
            struct stat child_info;
            if (stat(child, &child_info) == 0 && (S_ISDIR(child_info.st_mode) || wanted(name))) {
                walk(child, wanted, visit);
            }
        }
        free(entries[i]);
    }
    free(entries);
}
