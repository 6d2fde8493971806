package dev.navi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NaviApplication {
    public static void main(String[] args) {
        SpringApplication.run(NaviApplication.class, args);
    }
}
