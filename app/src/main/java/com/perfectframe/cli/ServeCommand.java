package com.perfectframe.cli;

import com.perfectframe.PerfectFrameApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code serve}: the REST service, until the process is stopped. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the REST service (POST /extractors/{name}, GET /).",
            "Other --name=value options set Spring Boot or perfectframe.* properties, "
                    + "e.g. --perfectframe.allowed-roots=/data."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = {"-p", "--port"},
            paramLabel = "PORT",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port = 8100;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>(springArguments);
        if (args.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            args.add("--server.port=" + port);
        }
        ConfigurableApplicationContext context;
        try {
            SpringApplication service = new SpringApplication(PerfectFrameApplication.class);
            service.setMainApplicationClass(PerfectFrameApplication.class); // not Main: the logs name the service
            context = service.run(args.toArray(String[]::new));
        } catch (RuntimeException e) {
            // Spring Boot has already printed why (e.g. which property has which invalid value).
            System.err.println("Error: the service did not start; the reason is above.");
            return 1;
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        if (!context.isActive()) {
            return 1;
        }
        closed.await();
        return 0;
    }
}
