package dev.navi;

import dev.navi.llmsim.LlmSim;
import java.time.Clock;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The one executable: {@code serve} (the default) runs NAVI; {@code llm-sim} runs the scripted LLM
 * provider server.
 */
@SpringBootApplication
public class NaviApplication {

    public static void main(String[] args) {
        var command = args.length == 0 || args[0].startsWith("-") ? "serve" : args[0];
        var rest = args.length == 0 || args[0].startsWith("-") ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "serve" -> SpringApplication.run(NaviApplication.class, rest);
            case "llm-sim" -> LlmSim.run(rest);
            default -> {
                System.err.println("Unknown command '" + command + "'. Commands: serve (default), llm-sim");
                System.exit(2);
            }
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
