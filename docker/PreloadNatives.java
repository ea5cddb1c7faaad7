import org.bytedeco.javacpp.Loader;

/**
 * Run at image build time (java's single-file source launcher) so that JavaCPP extracts the FFmpeg and OpenCV
 * native libraries into its cache folder once, in an image layer, instead of at every container start.
 * The classes are those the application loads; extracting them also extracts what they depend on.
 */
public class PreloadNatives {
    public static void main(String[] args) throws Exception {
        for (String name : new String[] {
                "org.bytedeco.ffmpeg.global.avutil", "org.bytedeco.ffmpeg.global.avcodec",
                "org.bytedeco.ffmpeg.global.avformat", "org.bytedeco.ffmpeg.global.swscale",
                "org.bytedeco.opencv.global.opencv_core", "org.bytedeco.opencv.global.opencv_imgproc",
                "org.bytedeco.opencv.global.opencv_imgcodecs"}) {
            System.out.println(Loader.load(Class.forName(name)));
        }
    }
}
