package dev.ocikit.image;

import java.util.ServiceLoader;

/** Finds image-tools' own {@link ImageToolsProvider} once, on first use. */
final class Provider {
  private Provider() {}

  /** {@return image-tools' implementation} */
  static ImageToolsProvider get() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final ImageToolsProvider INSTANCE = load();

    private static ImageToolsProvider load() {
      // Only ours: the internals it reaches are what the entry points document.
      for (ImageToolsProvider p :
          ServiceLoader.load(ImageToolsProvider.class, Provider.class.getClassLoader())) {
        if (p.getClass().getModule() == Provider.class.getModule()
            && p.getClass().getPackageName().startsWith("dev.ocikit.image.")) {
          return p;
        }
      }
      throw new IllegalStateException(
          "image-tools is incomplete: no dev.ocikit.image.ImageToolsProvider of its own was found"
              + " (META-INF/services or module-info provides missing)");
    }
  }
}
